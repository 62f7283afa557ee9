import { AppError } from '../errors';
import { parseNdjson } from './ndjson';

const refusal = (body: string | Buffer, max = 10) => {
  try {
    parseNdjson(typeof body === 'string' ? Buffer.from(body) : body, 'readings', max);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return { code: (error as AppError).code, message: (error as AppError).message, problems: (error as AppError).extensions.problems };
  }
  throw new Error('the body was taken');
};

describe('parseNdjson', () => {
  it('reads one object per line, with or without a final newline, CRLF endings and a byte order mark', () => {
    expect(parseNdjson(Buffer.from('{"a":1}\n{"b":"x"}\n'), 'readings', 10)).toEqual([{ a: 1 }, { b: 'x' }]);
    expect(parseNdjson(Buffer.from('\uFEFF{"a":1}\r\n{"b":2}'), 'readings', 10)).toEqual([{ a: 1 }, { b: 2 }]);
    expect(parseNdjson(Buffer.alloc(0), 'readings', 10)).toEqual([]);
  });

  it('names every line that is not a JSON object, blank lines included, as readings[i] for line i + 1', () => {
    const refused = refusal('{"a":1}\n[1]\n\n{"a":\n"text"\n{"a":2}\n');
    expect(refused.code).toBe('BAD_USER_INPUT');
    expect(refused.problems).toEqual([
      { field: 'readings[1]', message: 'line 2 is not a JSON object' },
      { field: 'readings[2]', message: 'line 3 is not a JSON object' },
      { field: 'readings[3]', message: 'line 4 is not a JSON object' },
      { field: 'readings[4]', message: 'line 5 is not a JSON object' },
    ]);
  });

  it('refuses more lines than allowed before parsing any, and bytes that are not UTF-8', () => {
    expect(refusal('x\n'.repeat(11))).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ field: 'readings', message: 'at most 10' }] });
    expect(refusal(Buffer.from([0x7b, 0xff, 0x7d]))).toMatchObject({ code: 'BAD_USER_INPUT', message: 'The body is not UTF-8 text' });
  });
});
