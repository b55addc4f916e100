print("opsdeck-bench")
