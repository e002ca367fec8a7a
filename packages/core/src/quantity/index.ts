// Kubernetes resource.Quantity: exact parse, arithmetic and canonical formatting.
export * from './quantity.js';
export * from './parse.js';
export * from './format.js';
export * from './text.js';
