// The entry point Zapier expects: its zapierwrapper.js requires `index.js` beside it, and the CLI
// loads the app through package.json `main`. The app itself is TypeScript compiled to dist/.
module.exports = require('./dist/index.js').default;
