/** Why the build under `root` must be made again (missing, or older than a server source), or null. */
export declare function staleReason(root: string): string | null;
