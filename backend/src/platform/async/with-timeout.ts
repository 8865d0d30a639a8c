/** `promise`, or a rejection with `message` after `ms`; the timer is cleared either way. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, message = 'Tidsfristen gikk ut'): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
