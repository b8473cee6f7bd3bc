// Added latency and CPU of `llm.complete()` over the bare provider SDKs, against the LLM emulators.
// The benchmark lives beside the package (it needs the SDKs from its dependencies).
import { runCompleteOverheadBenchmark } from '../../packages/llm/bench/complete-overhead.js';

await runCompleteOverheadBenchmark(Number(process.env.BENCH_ITERATIONS ?? 400));
