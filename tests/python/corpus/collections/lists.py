# list methods and slicing.
nums = [5, 3, 8]
nums.append(1)
nums.extend([9, 2])
nums.insert(0, 7)
print(nums)
print(nums.pop(), nums.pop(0), nums)
nums.remove(8)
print(nums, nums.index(3), nums.count(3))
nums.sort()
print(nums)
nums.sort(reverse=True)
print(nums)
nums.reverse()
print(nums, nums[1:3], nums[::-1], nums[-2:])
copy = nums.copy()
copy[0] = 100
print(nums[0], copy[0])
nums[1:3] = ["a", "b", "c"]
print(nums)
nums.clear()
print(nums, [0] * 3, [[0] * 2 for _ in range(2)])
grid = [[0] * 2] * 2
grid[0][0] = 1
print(grid)
print([1, 2] + [3], 3 in [1, 2, 3], [1, 2, 3] * 2)
