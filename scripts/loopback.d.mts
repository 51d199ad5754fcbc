/** One Measurement Protocol request as the fake GA4 received it. */
export interface Collected {
  path: string;
  body: {
    client_id: string;
    timestamp_micros: number;
    consent: { ad_user_data: string; ad_personalization: string };
    events: { name: string; params: Record<string, unknown> }[];
  };
}
/** A port on 127.0.0.1 that nothing listens on right now. */
export declare function freePort(): Promise<number>;
/** A fake GA4 collection endpoint on 127.0.0.1; `collected` grows with each request. */
export declare function fakeGa4(): Promise<{ url: string; collected: Collected[]; close(): Promise<void> }>;
