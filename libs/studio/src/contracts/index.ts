// Studio's public surface for other contexts: integration events and read ports.
export {};
