/** Options of the validator's rules. Only the loader (`load.ts`) and the CLIs set them, from the environment. */
export interface CheckOptions {
  /**
   * Accept loopback, private and unique-local addresses in URLs and subnets, for tests whose
   * mirrors run on this machine (`MIRRORS_ALLOW_PRIVATE_ADDRESSES=1`). Off by default: a real
   * registry never needs them, and a checker told to fetch them would probe its own network.
   */
  allowPrivateAddresses?: boolean;
}
