/** The text reader and the grid mapper shared by every table-bearing format. */
export { readGrid } from './read-grid.js';
export { readText, readTextSync, decodeText } from './read-text.js';
export { textToGrid } from './text-grid.js';
