"""Command line: ``python -m clusterlib.data.sample [--out DIR] [--seed N]``."""

from clusterlib.data.sample.build import main

if __name__ == "__main__":
    raise SystemExit(main())
