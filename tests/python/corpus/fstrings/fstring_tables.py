# Lining up a report with f-strings.
scores = {"Ann": 93.5, "Bob": 78.25, "Cyrus": 88.0, "Dee": 100.0}
width = max(len(name) for name in scores)
print(f"{'Name':<{width}} | {'Score':>6} | Bar")
print("-" * (width + 20))
for name, score in sorted(scores.items(), key=lambda kv: -kv[1]):
    bar = "#" * int(score // 10)
    print(f"{name:<{width}} | {score:>6.2f} | {bar}")
average = sum(scores.values()) / len(scores)
print(f"{'avg':>{width}} | {average:6.2f} |")
print(f"{len(scores)} students, best: {max(scores, key=scores.get)!r}")
print(f"{'%':>3}{50:>4}{'%':<2}|{0.5:^9.1%}|")
