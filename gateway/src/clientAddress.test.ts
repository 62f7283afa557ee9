import { clientAddressResolver, proxyEntryProblem } from './clientAddress';

describe('clientAddressResolver', () => {
  it('takes the peer as the client and ignores X-Forwarded-For when no proxy is trusted', () => {
    const { resolve } = clientAddressResolver([]);
    expect(resolve('127.0.0.1', '203.0.113.7')).toBe('127.0.0.1');
    expect(resolve('::ffff:198.51.100.2', undefined)).toBe('198.51.100.2');
    expect(resolve(undefined, '203.0.113.7')).toBeUndefined();
  });

  it('ignores the header from a peer that is not a trusted proxy', () => {
    expect(clientAddressResolver(['10.0.0.0/8']).resolve('198.51.100.2', '203.0.113.7')).toBe('198.51.100.2');
  });

  it('takes the right-most address that is not a trusted proxy, whatever the client wrote to its left', () => {
    const { resolve } = clientAddressResolver(['127.0.0.1', '10.0.0.0/8', 'fd00::/8']);
    expect(resolve('::ffff:127.0.0.1', 'spoofed, 1.1.1.1, 203.0.113.7, 10.1.2.3')).toBe('203.0.113.7');
    expect(resolve('127.0.0.1', ['1.1.1.1', '203.0.113.7'])).toBe('203.0.113.7');
    expect(resolve('fd00::1', '2001:db8::5')).toBe('2001:db8::5');
    expect(resolve('127.0.0.1', '10.0.0.2, 10.0.0.3')).toBe('10.0.0.2'); // proxies all the way: the farthest
  });

  it('stops at the proxy that passed on something that is not an address', () => {
    expect(clientAddressResolver(['127.0.0.1', '10.0.0.0/8']).resolve('127.0.0.1', '203.0.113.7, junk, 10.0.0.9')).toBe('10.0.0.9');
  });
});

describe('proxyEntryProblem', () => {
  it.each(['127.0.0.1', '10.0.0.0/8', '::1', 'fd00::/8', '0.0.0.0/0'])('accepts %s', (entry) => {
    expect(proxyEntryProblem(entry)).toBeNull();
  });
  it.each(['localhost', '10.0.0.0/33', '10.0.0.0/x', '1.2.3.4/8/9', '::1/129'])('refuses %s', (entry) => {
    expect(proxyEntryProblem(entry)).not.toBeNull();
  });
});
