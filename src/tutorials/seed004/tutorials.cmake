# Seed 004's tutorials, in the order the page shows them.
list(APPEND ASYNCRACE_TUTORIALS
  seed004/count_one_two
  seed004/syntax_error_yield_from
  seed004/makerandom_seed444
  seed004/chain_seed444
  seed004/producer_consumer_seed444)
