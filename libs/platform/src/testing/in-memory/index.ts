// In-memory storage for handler specs: a context's in-memory repositories keep their rows in these tables.
export { InMemoryTable, InMemoryUniqueViolation } from './in-memory-table.js';
export { InMemoryUnitOfWork, type TransactionalTable } from './in-memory-unit-of-work.js';
