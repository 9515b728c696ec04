/**
 * Whether a process with this id runs on this machine (signal 0 only asks).
 * Only ESRCH proves it gone: EPERM means it runs under another user.
 */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (cause) {
    return (cause as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}
