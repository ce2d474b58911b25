print("start")
print(undefined_variable_qqq)
