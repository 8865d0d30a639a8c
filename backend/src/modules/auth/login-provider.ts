/**
 * How a person proves who they are. Password log-in is the first provider; OIDC providers
 * (Entra ID, ID-porten, Feide) implement the same interface and map their subject to a user.
 */
export interface LoginProvider<Credentials> {
  readonly id: string;
  /** Returns the user's id when the credentials are good, otherwise null. */
  authenticate(credentials: Credentials): Promise<string | null>;
}
