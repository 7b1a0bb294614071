/** The inputs every sign-in step shares, whichever RPC carried them. */
export interface AuthRequest {
  /** AuthParameters or ChallengeResponses. */
  readonly parameters: Record<string, string>;
  readonly clientMetadata: Record<string, string>;
  /** Admin operations may use the ADMIN_* flows; client operations may not. */
  readonly caller: "client" | "admin";
  /** The Session sent with a challenge answer ("" when none). */
  readonly session: string;
}
