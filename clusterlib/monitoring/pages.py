def write_run_pages(*a, **k): raise NotImplementedError
