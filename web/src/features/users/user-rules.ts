/** Login names: 3–32 letters, digits and . _ - (the server's rule for `username`). */
export const USERNAME_PATTERN = /^[A-Za-z0-9_.-]{3,32}$/;

/** A mainland mobile number (the server's rule for `phone`). */
export const PHONE_PATTERN = /^1[3-9][0-9]{9}$/;

export const NAME_MAX_LENGTH = 50;
