/**
 * A use case built on first call and shared after; a failed build (HubSpot unreachable while the
 * portal's types were read) is forgotten, so the next call tries again.
 */
export function once<T>(build: () => Promise<T>): () => Promise<T> {
  let built: Promise<T> | undefined;
  return () => {
    if (!built) {
      const attempt = build();
      built = attempt;
      attempt.catch(() => {
        if (built === attempt) built = undefined;
      });
    }
    return built;
  };
}
