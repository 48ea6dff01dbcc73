# return at module level.
values = [1, 2, 3]
if values:
    return values
