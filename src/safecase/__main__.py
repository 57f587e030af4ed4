"""`python -m safecase` behaves like the `safecase` console script."""

from safecase.start import main

if __name__ == "__main__":
    main()
