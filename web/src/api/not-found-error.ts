/** A record the dashboard looked for is not there (the route exists; the thing does not). */
export class NotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotFoundError';
  }
}
