// `#default-sleep` is resolved by package.json "imports": ./timers by default, ./no-timers under the
// `no-timers` condition (the n8n bundle). Both export this.
declare module '#default-sleep' {
  export const defaultSleep: import('../transport').Sleep | undefined;
  export const defaultAlarm: import('../transport').Alarm;
}
