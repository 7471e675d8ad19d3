"""BBox arithmetic: the few geometric tests every stage relies on."""

from __future__ import annotations

import pytest

from olparse.geometry import BBox, overlap_ratio, union_all

A = BBox(0, 0, 10, 10)
B = BBox(5, 8, 20, 30)
FAR = BBox(30, 40, 35, 45)


def test_size_and_centre():
    box = BBox(2, 4, 12, 10)
    assert (box.width, box.height, box.area) == (10, 6, 60)
    assert (box.center_x, box.center_y) == (7, 7)


def test_inverted_box_has_no_area():
    assert BBox(10, 10, 0, 0).area == 0


def test_union_is_the_smallest_box_holding_both():
    assert A.union(B) == BBox(0, 0, 20, 30)
    assert union_all([A, B, FAR]) == BBox(0, 0, 35, 45)


def test_union_all_of_nothing_is_an_error():
    with pytest.raises(ValueError, match="at least one box"):
        union_all([])


def test_overlaps_are_lengths_and_zero_when_apart():
    assert A.x_overlap(B) == 5 and A.y_overlap(B) == 2
    assert A.intersection_area(B) == 10
    assert A.x_overlap(FAR) == 0 and A.intersection_area(FAR) == 0


def test_gaps_are_negative_when_boxes_overlap():
    assert A.h_gap(FAR) == 20 and A.v_gap(FAR) == 30
    assert A.h_gap(B) == -5 and A.v_gap(B) == -2


def test_contains_with_tolerance():
    inner = BBox(1, 1, 9, 9)
    assert A.contains(inner) and not inner.contains(A)
    slightly_out = BBox(-0.5, 0, 10.5, 10)
    assert not A.contains(slightly_out)
    assert A.contains(slightly_out, tolerance=1.0)


def test_expanded_scaled_rounded():
    assert A.expanded(1) == BBox(-1, -1, 11, 11)
    assert A.expanded(1, 2) == BBox(-1, -2, 11, 12)
    assert B.scaled(2) == BBox(10, 16, 40, 60)
    assert BBox(0.04, 1.26, 2.0, 3.0).rounded() == [0.0, 1.3, 2.0, 3.0]


def test_overlap_ratio_is_relative_to_the_smaller_box():
    assert overlap_ratio(A, BBox(2, 2, 4, 4)) == 1.0
    assert overlap_ratio(A, B) == pytest.approx(10 / 100)
    assert overlap_ratio(A, FAR) == 0.0
    assert overlap_ratio(A, BBox(3, 3, 3, 3)) == 0.0  # a degenerate box overlaps nothing
