export * from './auditEntry';
