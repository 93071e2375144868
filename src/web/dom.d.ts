/** The web app runs in a browser: its modules see the DOM's types (the node modules never use them). */
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
