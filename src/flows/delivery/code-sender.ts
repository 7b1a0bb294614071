/** Why a code or message is sent (the CustomMessage trigger sources, docs/cognito.md §5.11). */
export type DeliveryEvent = "SignUp" | "ResendCode" | "ForgotPassword" | "AdminCreateUser" | "AdminResetUserPassword" | "UpdateUserAttribute" | "VerifyUserAttribute";

/** One message to deliver. `destination` is in clear: only the sender sees it. */
export interface CodeMessage {
  readonly poolId: string;
  readonly event: DeliveryEvent;
  readonly username: string;
  readonly attribute: "email" | "phone_number";
  readonly medium: "EMAIL" | "SMS";
  readonly destination: string;
  /** The code, or the temporary password of an invitation. */
  readonly code: string;
  /** Set by the CustomMessage trigger when configured. */
  readonly subject?: string;
  readonly body?: string;
}

/** Delivers codes: to a log line, to a Redis stream a notification service reads, or elsewhere. */
export interface CodeSender {
  send(message: CodeMessage): Promise<void>;
  /**
   * Does the work `send` does — the same crypto, a store write of the same shape — without
   * delivering anything: what a simulated delivery does after its answer, so that what follows an
   * answer about an unknown name costs what follows a real delivery (docs/existence.md §2). A sender
   * whose send costs nothing observable may leave it out.
   */
  rehearse?(message: CodeMessage): Promise<void>;
}
