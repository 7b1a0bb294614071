import type { AttributeType, UserType } from "../gen/identity/v1/common.js";
import { UserStatus } from "../gen/identity/v1/common.js";
import type { UserRecord } from "../store/records.js";

/** The attribute list Cognito shows: sub first, then the stored attributes. */
export function attributesWithSub(user: UserRecord, only?: readonly string[]): AttributeType[] {
  const all = [{ name: "sub", value: user.sub }, ...Object.entries(user.attributes).map(([name, value]) => ({ name, value }))];
  return only && only.length > 0 ? all.filter((a) => only.includes(a.name)) : all;
}

const STATUS: Record<UserRecord["status"], UserStatus> = {
  UNCONFIRMED: UserStatus.USER_STATUS_UNCONFIRMED,
  CONFIRMED: UserStatus.USER_STATUS_CONFIRMED,
  RESET_REQUIRED: UserStatus.USER_STATUS_RESET_REQUIRED,
  FORCE_CHANGE_PASSWORD: UserStatus.USER_STATUS_FORCE_CHANGE_PASSWORD,
};

/** A user as admin operations return it (Cognito's UserType). */
export function userView(user: UserRecord, only?: readonly string[]): UserType {
  return {
    username: user.username,
    attributes: attributesWithSub(user, only),
    userCreateDate: new Date(user.createdAt),
    userLastModifiedDate: new Date(user.updatedAt),
    enabled: user.enabled,
    userStatus: STATUS[user.status],
  };
}
