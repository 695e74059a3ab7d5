// Types for the two data-carrying packages that ship none (franc-min 5 is the last CommonJS release).
declare module 'franc-min' {
  interface Options {
    only?: string[];
    minLength?: number;
  }
  const franc: ((text: string, options?: Options) => string) & {
    all(text: string, options?: Options): Array<[code: string, score: number]>;
  };
  export = franc;
}

declare module 'langs' {
  interface Language {
    '1': string;
    '3': string;
    name: string;
    local: string;
  }
  export function where(
    criterion: '1' | '3' | 'name' | 'local',
    value: string,
  ): Language | undefined;
}
