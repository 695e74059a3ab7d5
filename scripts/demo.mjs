// The README demo. Filled in as the sandbox and the adapters land.
console.log(
  'Classifaily demo: the workspace builds. The sandbox demo lands with @classifaily/sandbox.',
);
