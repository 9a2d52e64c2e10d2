/**
 * A port that cannot be listened on, in one line naming the variable that chose it and the fix,
 * instead of a stack trace. Undefined for any other error.
 */
export function describeListenError(err: unknown, variable: string, port: number): string | undefined {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EADDRINUSE') return `${variable}=${port}: the port is already in use. Stop what listens there, or set ${variable} to a free port.`;
  if (code === 'EACCES') return `${variable}=${port}: not allowed to listen on this port. Use a port above 1023, or set ${variable} to one.`;
  if (code === 'EADDRNOTAVAIL') return `${variable}=${port}: the address is not available on this machine. Set ${variable} to a free local port.`;
  return undefined;
}
