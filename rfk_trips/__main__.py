from rfk_trips.cli.main import main

main()
