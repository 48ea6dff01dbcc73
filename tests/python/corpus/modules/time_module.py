# time on the virtual clock: time(), perf_counter(), monotonic(), sleep().
import time

start = time.time()
print(start, time.perf_counter(), time.monotonic())
time.sleep(1.5)
print(time.time() - start, time.perf_counter())
t0 = time.perf_counter()
total = sum(range(1000))
elapsed = time.perf_counter() - t0
print(total, f"computed in {elapsed:.3f}s")
for step in range(3):
    time.sleep(0.25)
    print(f"step {step} at {time.monotonic():.2f}")
print(time.perf_counter_ns(), time.time_ns() // 10**6)
