import sys

from generator.cli.app import main

sys.exit(main())
