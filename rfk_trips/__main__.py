from rfk_trips.cli import main

main()
