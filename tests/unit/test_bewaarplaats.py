"""The process-wide cache behind ui.bewaar: an LRU that keeps what it holds out of Python's cyclic garbage
collection (a full collection over a warmed process stalled every session of it for ~0,8 s), and lets it go again
when a new database arrives."""
import gc

import ui


def test_a_result_is_built_once_and_the_oldest_goes_first():
    plaats = ui._Bewaarplaats(maximum=2, bevries_per=1000)
    gebouwd = []
    for sleutel in ("a", "b", "a", "c", "a", "b"):
        plaats.geef(sleutel, lambda s=sleutel: gebouwd.append(s) or s.upper())
    assert gebouwd == ["a", "b", "c", "b"]  # 'a' was used last before 'c' came in, so 'b' had to go


def test_what_it_holds_is_frozen_and_a_new_database_lets_it_go():
    gc.unfreeze()
    plaats = ui._Bewaarplaats(maximum=100, bevries_per=3)
    try:
        plaats.geef(1, lambda: [1])
        plaats.geef(2, lambda: [2])
        assert gc.get_freeze_count() == 0
        plaats.geef(3, lambda: [3])
        assert gc.get_freeze_count() > 0
        plaats.clear()
        assert gc.get_freeze_count() == 0
    finally:
        gc.unfreeze()
