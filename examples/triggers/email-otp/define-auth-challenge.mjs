// DefineAuthChallenge for the email-OTP example: one CUSTOM_CHALLENGE at a time, tokens after a right
// code, at most three tries. Unknown users are treated exactly like real ones (the service never
// issues them tokens), so answers and timing do not tell whether a user exists.
const MAX_TRIES = 3;

export const handler = async (event) => {
  const session = event.request.session;
  const last = session.at(-1);
  if (last?.challengeName === "CUSTOM_CHALLENGE" && last.challengeResult === true) {
    event.response.issueTokens = true;
    event.response.failAuthentication = false;
  } else if (session.filter((step) => step.challengeName === "CUSTOM_CHALLENGE").length >= MAX_TRIES) {
    event.response.issueTokens = false;
    event.response.failAuthentication = true;
  } else {
    event.response.issueTokens = false;
    event.response.failAuthentication = false;
    event.response.challengeName = "CUSTOM_CHALLENGE";
  }
  return event;
};
