// A loopback port the OS just handed out (and took back), for the scripts and benchmarks that
// start a gateway: they never collide with one you run.
import net from 'node:net';

export async function freePort() {
  const s = net.createServer();
  await new Promise((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address();
  await new Promise((resolve) => s.close(resolve));
  return port;
}
