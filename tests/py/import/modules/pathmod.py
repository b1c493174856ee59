print("pathmod loaded from the modules directory")
WHERE = "modules"
