// Which lane goes on which row, and how tall rows are.
#include <doctest.h>

#include <vector>

#include "ui/lane_layout.hpp"

using namespace asyncrace;
using namespace asyncrace::ui;

namespace {

trace::task_lane lane(task_id id, task_id parent) {
  trace::task_lane l;
  l.id = id;
  l.parent = parent;
  return l;
}

std::vector<task_id> ids(const std::vector<trace::task_lane>& lanes, const std::vector<lane_row>& rows) {
  std::vector<task_id> out;
  for (const lane_row& r : rows) out.push_back(lanes[r.lane].id);
  return out;
}

}  // namespace

TEST_CASE("nine_tasks_race's tree: each gather's workers sit under it") {
  // Creation order, as the loop creates them: main, three gathers, then three workers each.
  std::vector<trace::task_lane> lanes = {lane(1, 0), lane(2, 1), lane(3, 1), lane(4, 1)};
  for (task_id g = 2; g <= 4; ++g)
    for (int k = 0; k < 3; ++k) lanes.push_back(lane(static_cast<task_id>(5 + (g - 2) * 3 + k), g));
  const auto rows = order_lanes(lanes);
  CHECK(ids(lanes, rows) == std::vector<task_id>{1, 2, 5, 6, 7, 3, 8, 9, 10, 4, 11, 12, 13});
  CHECK(rows[0].depth == 0);
  CHECK(rows[1].depth == 1);
  CHECK(rows[2].depth == 2);
}

TEST_CASE("every lane gets exactly one row, even with unknown parents") {
  const std::vector<trace::task_lane> lanes = {lane(3, 99), lane(1, 0), lane(2, 1), lane(4, 3)};
  const auto rows = order_lanes(lanes);
  CHECK(ids(lanes, rows) == std::vector<task_id>{3, 4, 1, 2});
  CHECK(order_lanes({}).empty());
}

TEST_CASE("rows fill the space between a minimum and a maximum height") {
  const row_geometry fits = layout_rows(100.0f, 338.0f, 13);
  CHECK(fits.height == 26.0f);
  CHECK(fits.total() <= 338.0f);
  CHECK(layout_rows(0.0f, 1000.0f, 3).height == 30.0f);  // few lanes: not absurdly tall
  const row_geometry scrolls = layout_rows(0.0f, 100.0f, 50);
  CHECK(scrolls.height == 18.0f);  // many lanes: readable rows, the view scrolls
  CHECK(scrolls.total() == 900.0f);
}

TEST_CASE("row_at finds the row under a y") {
  const row_geometry g = layout_rows(10.0f, 100.0f, 4);  // 25 px rows
  CHECK(g.row_at(9.0f) == -1);
  CHECK(g.row_at(10.0f) == 0);
  CHECK(g.row_at(34.9f) == 0);
  CHECK(g.row_at(35.0f) == 1);
  CHECK(g.row_at(109.0f) == 3);
  CHECK(g.row_at(110.0f) == -1);
  CHECK(g.row_center(1) == doctest::Approx(47.5f));
}
