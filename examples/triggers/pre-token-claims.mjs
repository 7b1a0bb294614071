// PreTokenGeneration (V1) claims enricher: a tenant claim, the sign-in source, no phone number in the
// id token, and groups derived from the tenant. Runs for sign-in, refresh and NEW_PASSWORD_REQUIRED.
export const handler = async (event) => {
  const attributes = event.request.userAttributes;
  const tenant = attributes["custom:tenant"] ?? domainOf(attributes.email) ?? "default";
  event.response = {
    claimsOverrideDetails: {
      claimsToAddOrOverride: { tenant, signin_source: event.triggerSource },
      claimsToSuppress: ["phone_number"],
      groupOverrideDetails: { groupsToOverride: ["users", `tenant:${tenant}`], iamRolesToOverride: [], preferredRole: null },
    },
  };
  return event;
};

function domainOf(email) {
  const at = email?.lastIndexOf("@") ?? -1;
  return at < 0 ? undefined : email.slice(at + 1);
}
