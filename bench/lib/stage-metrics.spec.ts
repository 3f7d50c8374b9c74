import { parseMetrics, serverBetween, serverLine, stagesBetween, stagesLine } from './stage-metrics.mjs';

/** Two /metrics readings as prom-client writes them: cumulative histograms, event-loop gauges reset at each scrape. */
const reading = (sends: { fast: number; slow: number }, acks: number, majorGcs: number, loopMax: number) =>
  parseMetrics(`# HELP operation_stage_duration_seconds Time spent in each stage
# TYPE operation_stage_duration_seconds histogram
operation_stage_duration_seconds_bucket{le="0.001",operation="message-send",stage="begin"} ${sends.fast}
operation_stage_duration_seconds_bucket{le="0.1",operation="message-send",stage="begin"} ${sends.fast + sends.slow}
operation_stage_duration_seconds_bucket{le="+Inf",operation="message-send",stage="begin"} ${sends.fast + sends.slow}
operation_stage_duration_seconds_sum{operation="message-send",stage="begin"} ${sends.fast * 0.001 + sends.slow * 0.1}
operation_stage_duration_seconds_count{operation="message-send",stage="begin"} ${sends.fast + sends.slow}
operation_stage_duration_seconds_bucket{le="0.001",operation="other",stage="begin"} 7
operation_stage_duration_seconds_bucket{le="+Inf",operation="other",stage="begin"} 7
operation_stage_duration_seconds_sum{operation="other",stage="begin"} 0.007
operation_stage_duration_seconds_count{operation="other",stage="begin"} 7
socket_event_duration_seconds_bucket{le="0.01",event="message:send",outcome="ok"} ${acks}
socket_event_duration_seconds_bucket{le="+Inf",event="message:send",outcome="ok"} ${acks}
socket_event_duration_seconds_sum{event="message:send",outcome="ok"} ${acks * 0.008}
socket_event_duration_seconds_count{event="message:send",outcome="ok"} ${acks}
socket_event_duration_seconds_count{event="message:send",outcome="error"} 99
nodejs_eventloop_lag_p99_seconds 0.012
nodejs_eventloop_lag_max_seconds ${loopMax}
nodejs_gc_duration_seconds_bucket{le="+Inf",kind="major"} ${majorGcs}
nodejs_gc_duration_seconds_sum{kind="major"} ${majorGcs * 0.05}
nodejs_gc_duration_seconds_count{kind="major"} ${majorGcs}
`);

describe('bench stage metrics: what the app says about a round, from two /metrics readings', () => {
  const before = reading({ fast: 10, slow: 0 }, 10, 1, 0.5);
  const after = reading({ fast: 100, slow: 10 }, 110, 3, 0.04);

  it("takes the round's share of the operation's stages: count, mean and the bucket holding the p95", () => {
    const stages = stagesBetween(before, after, 'message-send');
    expect(stages).toEqual([{ stage: 'begin', count: 100, meanMs: expect.closeTo(10.9, 6), p95Ms: 100 }]);
    expect(stagesLine(stages)).toBe('begin 10.9/100  (mean/p95 ms; means sum to 10.9 ms)');
  });

  it("reads the socket event's successful acks, the event loop since the last scrape and the GC pauses", () => {
    const server = serverBetween(before, after, 'message:send');
    expect(server.socket).toMatchObject({ count: 100, meanMs: expect.closeTo(8, 6), p95Ms: 10 });
    expect([server.loopP99Ms, server.loopMaxMs]).toEqual([12, 40]);
    expect(server.gc).toEqual([{ kind: 'major', count: 2, totalMs: expect.closeTo(100, 6) }]);
    expect(serverLine(server)).toBe('receipt→ack 8.0/10 · event loop delay p99 12 max 40 ms · gc major 2 (100 ms)');
  });

  it('says so when the round had no acknowledged event and no pause', () => {
    const same = serverBetween(after, after, 'message:send');
    expect(serverLine(same)).toBe('receipt→ack none · event loop delay p99 12 max 40 ms · gc none');
  });
});
