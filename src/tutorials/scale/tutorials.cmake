# The scale group: stress runs for the race diagram (not from a seed), after the seeds' tutorials.
list(APPEND ASYNCRACE_TUTORIALS
  scale/scale_10k
  scale/scale_100k
  scale/scale_1m)
