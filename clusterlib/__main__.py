"""``python -m clusterlib`` runs the command line (:mod:`clusterlib.cli`)."""

from clusterlib.cli import main

if __name__ == "__main__":
    main()
