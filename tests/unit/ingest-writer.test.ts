import { describe, expect, it } from 'vitest';
import { isLockWait, isRetriable, limitMessage } from '../../ingest/writer.js';

const error = (code: string, message = '') => Object.assign(new Error(message), { code });

describe('batch errors', () => {
  it('turns the transaction memory cap into a message naming the setting and the flag', () => {
    const err = error(
      'Neo.TransientError.General.MemoryPoolOutOfMemoryError',
      'The allocation of an extra 2.0 MiB would use more than the limit 512.0 MiB.',
    );
    const message = limitMessage(err, 10_000);
    expect(message).toMatch(/db\.memory\.transaction\.max/);
    expect(message).toMatch(/--batch-size 2500/);
    // Neo4j classes it transient, but re-running the batch would fail the same way.
    expect(isRetriable(err)).toBe(false);
  });

  it('turns a transaction timeout into a message naming the time limits and the flags', () => {
    const err = error(
      'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
      'The transaction has been terminated. Retry your operation in a new transaction, and you should see a successful result. The transaction has not completed within the timeout specified at its start by the client.',
    );
    expect(limitMessage(err, 10_000)).toMatch(/--batch-timeout.*db\.transaction\.timeout.*--batch-size 2500/);
    expect(isRetriable(err)).toBe(false);
  });

  it('retries a lock wait (a killed load still rolling back) and then says what to do', () => {
    const err = error(
      'Neo.TransientError.Transaction.LockAcquisitionTimeout',
      'LockClient[1234] could not acquire lock within the configured timeout',
    );
    expect(isLockWait(err)).toBe(true);
    expect(isRetriable(err)).toBe(true);
    expect(limitMessage(err, 10_000)).toMatch(/db\.lock\.acquisition\.timeout.*interrupted.*rerun/s);
    expect(isLockWait(error('Neo.TransientError.Transaction.DeadlockDetected'))).toBe(false);
  });

  it('retries deadlocks and lost connections only', () => {
    expect(isRetriable(error('Neo.TransientError.Transaction.DeadlockDetected'))).toBe(true);
    expect(isRetriable(error('ServiceUnavailable'))).toBe(true);
    expect(isRetriable(error('Neo.ClientError.Statement.SyntaxError'))).toBe(false);
    expect(isRetriable(error('Neo.ClientError.Schema.ConstraintValidationFailed'))).toBe(false);
    expect(limitMessage(error('Neo.ClientError.Statement.SyntaxError'), 10_000)).toBeUndefined();
  });
});
