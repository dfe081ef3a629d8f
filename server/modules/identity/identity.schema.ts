import { type Static, Type } from 'typebox';
import { Instant, Nullable } from '../../platform/http/schemas.ts';

export const Username = Type.String({ minLength: 3, maxLength: 32, pattern: '^[A-Za-z0-9_.-]+$' });
const Password = Type.String({ minLength: 1, maxLength: 128 });
const PersonName = Type.String({ minLength: 1, maxLength: 50, pattern: '\\S' });
const Phone = Type.String({ pattern: '^1[3-9][0-9]{9}$', description: 'mainland mobile number' });

export const AssignmentSchema = Type.Object(
  {
    id: Type.Integer(),
    roleId: Type.Integer(),
    roleCode: Type.String(),
    roleName: Type.String(),
    orgId: Type.Integer(),
    orgName: Type.String(),
  },
  { $id: 'Assignment' },
);
export type Assignment = Static<typeof AssignmentSchema>;

/** The signed-in user as the console needs them. */
export const MeSchema = Type.Object(
  {
    id: Type.Integer(),
    username: Type.String(),
    name: Type.String(),
    mustChangePassword: Type.Boolean(),
    /** send back as `x-csrf-token` on every state-changing request */
    csrfToken: Type.String(),
    activeAssignmentId: Nullable(Type.Integer()),
    /** permissions of the active assignment */
    permissions: Type.Array(Type.String()),
    assignments: Type.Array(AssignmentSchema),
  },
  { $id: 'Me' },
);
export type Me = Static<typeof MeSchema>;

export const LoginBody = Type.Object({
  username: Type.String({ minLength: 1, maxLength: 64 }),
  password: Password,
});
export type LoginBody = Static<typeof LoginBody>;

export const ChangePasswordBody = Type.Object({ currentPassword: Password, newPassword: Password });
export const SwitchScopeBody = Type.Object({ assignmentId: Type.Integer({ minimum: 1 }) });

export const SessionSchema = Type.Object(
  {
    id: Type.Integer(),
    createdAt: Instant,
    lastSeenAt: Instant,
    expiresAt: Instant,
    ip: Type.String(),
    userAgent: Type.String(),
    current: Type.Boolean(),
  },
  { $id: 'Session' },
);
export type Session = Static<typeof SessionSchema>;

export const UserStatus = Type.Union([Type.Literal('active'), Type.Literal('disabled')]);
export type UserStatus = Static<typeof UserStatus>;

export const UserSchema = Type.Object(
  {
    id: Type.Integer(),
    username: Type.String(),
    name: Type.String(),
    /** masked unless it is the caller's own */
    phone: Nullable(Type.String()),
    orgId: Type.Integer(),
    orgName: Type.String(),
    status: UserStatus,
    mustChangePassword: Type.Boolean(),
    lockedUntil: Nullable(Instant),
    lastLoginAt: Nullable(Instant),
    createdAt: Instant,
    assignments: Type.Array(AssignmentSchema),
  },
  { $id: 'User' },
);
export type User = Static<typeof UserSchema>;

export const ListUsersQuery = Type.Object({
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
  keyword: Type.Optional(Type.String({ maxLength: 50 })),
  orgId: Type.Optional(Type.Integer({ minimum: 1 })),
  status: Type.Optional(UserStatus),
});
export type ListUsersQuery = Static<typeof ListUsersQuery>;

export const CreateUserBody = Type.Object({
  username: Username,
  name: PersonName,
  phone: Type.Optional(Nullable(Phone)),
  orgId: Type.Integer({ minimum: 1 }),
  /** the temporary password; the user must change it at first sign-in */
  password: Password,
});
export type CreateUserBody = Static<typeof CreateUserBody>;

export const UpdateUserBody = Type.Object({
  name: Type.Optional(PersonName),
  phone: Type.Optional(Nullable(Phone)),
  orgId: Type.Optional(Type.Integer({ minimum: 1 })),
  status: Type.Optional(UserStatus),
});
export type UpdateUserBody = Static<typeof UpdateUserBody>;

export const ResetPasswordBody = Type.Object({ password: Password });

export const SetAssignmentsBody = Type.Object({
  assignments: Type.Array(
    Type.Object({ roleId: Type.Integer({ minimum: 1 }), orgId: Type.Integer({ minimum: 1 }) }),
    {
      maxItems: 50,
    },
  ),
});
export type SetAssignmentsBody = Static<typeof SetAssignmentsBody>;

export const RoleSchema = Type.Object(
  {
    id: Type.Integer(),
    code: Type.String(),
    name: Type.String(),
    description: Type.String(),
    builtin: Type.Boolean(),
    permissions: Type.Array(Type.String()),
    userCount: Type.Integer(),
  },
  { $id: 'Role' },
);
export type Role = Static<typeof RoleSchema>;

export const PermissionSchema = Type.Object(
  { code: Type.String(), module: Type.String() },
  { $id: 'PermissionItem' },
);

export const CreateRoleBody = Type.Object({
  code: Type.String({ minLength: 2, maxLength: 40, pattern: '^[a-z][a-z0-9_]*$' }),
  name: Type.String({ minLength: 1, maxLength: 50, pattern: '\\S' }),
  description: Type.Optional(Type.String({ maxLength: 200 })),
  permissions: Type.Array(Type.String(), { maxItems: 500 }),
});
export type CreateRoleBody = Static<typeof CreateRoleBody>;

export const UpdateRoleBody = Type.Object({
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 50, pattern: '\\S' })),
  description: Type.Optional(Type.String({ maxLength: 200 })),
  permissions: Type.Optional(Type.Array(Type.String(), { maxItems: 500 })),
});
export type UpdateRoleBody = Static<typeof UpdateRoleBody>;

/** The password policy new passwords are held to (from configuration), so forms can say it before sending. */
export const PasswordPolicySchema = Type.Object({
  minLength: Type.Integer({ description: 'fewest characters' }),
  minClasses: Type.Integer({
    description: 'fewest of the four classes: lower case, upper case, digits, symbols',
  }),
});
export type PasswordPolicySchema = Static<typeof PasswordPolicySchema>;
