// The SearchIndex API (see README): the search widget's module under its historical name.
export * from './cchc_search.js';
export { default } from './cchc_search.js';
