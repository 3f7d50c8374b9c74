// Insights' public surface for other contexts.
export {};
